/** Version of this build; a test keeps it equal to package.json's. */
export const VERSION = '0.1.0';

/**
 * Wire protocol version. Bumped only for incompatible changes: a client and a daemon with the
 * same protocol can always talk, whatever their VERSIONs; a daemon with an older protocol is
 * replaced, one with a newer protocol is an error for the older client (never a replace loop).
 */
export const PROTOCOL_VERSION = 1;
