/**
 * Connecting the command line (and the gateway it serves) to a database given as `--db` text: one remote
 * directly, several (comma-separated) as a leader-only session, as ovn-nbctl's `--leader-only` does.
 */
import { OvsdbClient } from '../ovsdb/client.js';
import { OvsdbSession } from '../ovsdb/session.js';

/** A connection and how to end it (the session's, when several remotes were given). */
export interface Connected {
  readonly client: OvsdbClient;
  close(): Promise<void>;
}

/** Connects to `database` at `remoteText` (`unix:…`, `tcp:…`, or several of them comma-separated). */
export async function connectRemotes(remoteText: string, database: string): Promise<Connected> {
  const remotes = remoteText
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  if (remotes.length === 1) {
    const c = await OvsdbClient.connect(remotes[0]!);
    return { client: c, close: () => c.close() };
  }
  const s = await OvsdbSession.start(remotes, { database });
  const c = await s.ready();
  return { client: c, close: () => s.close() };
}
