// Sites beyond the supported list: the popup asks for the origin (and `scripting`, both
// optional) and the background registers the content script for every granted origin.
import { api } from './browser-api';

const SCRIPT_ID = 'sociable-optional-sites';

export async function syncOptionalSites(): Promise<void> {
  const granted = await api.permissions.getAll();
  if (!granted.permissions?.includes('scripting') || !api.scripting) return;
  const required = new Set(api.runtime.getManifest().host_permissions ?? []);
  const origins = (granted.origins ?? []).filter((origin) => !required.has(origin));
  const existing = await api.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length > 0) await api.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (origins.length === 0) return;
  await api.scripting.registerContentScripts([
    { id: SCRIPT_ID, matches: origins, js: ['content.js'], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}

/** The match pattern that covers `url`'s host, for permissions.request. */
export function originPattern(url: string): string | undefined {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? `*://${hostname}/*` : undefined;
  } catch {
    return undefined;
  }
}
