// Applies a finding's suggestion to the compose box through the editor's own input path
// (Surface.edit, which types it with execCommand('insertText')): the site's editor model
// sees an ordinary insertion, and the editor's own undo (Ctrl+Z) takes it back like typing.
import type { Finding } from '../core-types';
import type { Surface } from './surface';

export class SuggestionEditor {
  constructor(private readonly surface: Surface) {}

  /**
   * Replaces the finding's words with its suggestion, or adds the suggestion where the
   * report placed it (the end of the draft).
   * Only while the box still holds `text`, the text the finding was made for; says whether
   * it applied.
   */
  async apply(finding: Finding, text: string): Promise<boolean> {
    const { suggestion } = finding;
    if (!suggestion || this.surface.read() !== text) return false;
    const { start, end } = finding.span_utf16;
    if (suggestion.kind === 'replace') await this.surface.edit(start, end, suggestion.text);
    else await this.surface.edit(suggestion.at_utf16, suggestion.at_utf16, suggestion.text);
    return true;
  }
}
