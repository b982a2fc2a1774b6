// Applies a finding's suggestion to the compose box through the editor's own input path
// (Surface.edit, which types it with execCommand('insertText')): the site's editor model
// sees an ordinary insertion, and the editor's own undo (Ctrl+Z) takes it back like typing.
import type { Finding } from '../core-types';
import type { Surface } from './surface';

/** Why a suggestion was not applied. */
export type ApplyOutcome = 'applied' | 'changed' | 'none';

export class SuggestionEditor {
  constructor(private readonly surface: Surface) {}

  /**
   * Replaces the finding's words with its suggestion, or adds the suggestion where the
   * report placed it (the end of the draft). `text` is the text the finding was made for:
   * the edit goes ahead only while the box still holds the finding's words at its span (and,
   * for an insert, the draft still ends where it ended), so a card left from an older draft
   * never writes into a new one.
   */
  async apply(finding: Finding, text: string): Promise<ApplyOutcome> {
    const { suggestion } = finding;
    if (!suggestion) return 'none';
    const now = this.surface.read();
    const { start, end } = finding.span_utf16;
    if (now.slice(start, end) !== text.slice(start, end)) return 'changed';
    let typed: boolean;
    if (suggestion.kind === 'replace') {
      typed = await this.surface.edit(start, end, suggestion.text);
    } else {
      if (now.trimEnd().length !== suggestion.at_utf16 || text.trimEnd().length !== suggestion.at_utf16) return 'changed';
      typed = await this.surface.edit(suggestion.at_utf16, suggestion.at_utf16, suggestion.text);
    }
    // Not typed: the words could not be selected (the selection read back elsewhere).
    return typed ? 'applied' : 'changed';
  }
}
