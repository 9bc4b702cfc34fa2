/** Why each number is what it is: these are the limits every side of the wire agrees on. */

/** A message is a short coordination note ("holding :1420"), not a document: 4 KiB of UTF-8. */
export const MAX_TEXT_BYTES = 4096;

/** One wire line. A message plus its envelope fits with room to spare; anything bigger is abuse. */
export const MAX_FRAME_BYTES = 64 * 1024;

/**
 * Bytes a client may leave unread on its socket before the daemon drops it. Big enough for a
 * burst of replies to a slow reader, small enough that a client that never reads cannot grow
 * the daemon's memory without bound.
 */
export const MAX_CLIENT_BACKLOG_BYTES = 1024 * 1024;

/**
 * Characters of text one drain hands out at most, whatever the caller asks: its reply stays well
 * under the backlog cap, so a reader that asks for a big backlog at once is never mistaken for a
 * slow one. The rest comes with the next drain (`remaining` says how much).
 */
export const MAX_DRAIN_CHARS = 128 * 1024;

/** Unix socket paths are limited to 108 bytes on Linux and 104 on macOS; keep a margin. */
export const MAX_SOCKET_PATH_BYTES = 100;

/**
 * The highest seq a mailbox may hold: 2^48, centuries of messages at any real rate. A line with a
 * bigger one is tampering, and one near 2^53 would make every later seq inexact (x + 1 === x).
 */
export const MAX_SEQ = 2 ** 48;

/**
 * The latest time (ms since the epoch) a record may carry: the end of year 9999. A time past it
 * is tampering, and one past Date's range (8.64e15) makes every formatter throw.
 */
export const MAX_TS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * How long a batch handed to one receiver may stay unacknowledged before another receiver of the
 * session gets it (a receiver whose connection closes frees it at once). A hook lives seconds.
 */
export const DEFAULT_LEASE_MS = 10_000;
export const MAX_LEASE_MS = 60_000;

/** Sessions one status reply lists (every connected one first): thousands are remembered. */
export const MAX_STATUS_SESSIONS = 50;

/**
 * Sessions a bus remembers at most: past it the ones seen longest ago (not connected, holding
 * nothing) are forgotten. Each costs memory, replay and status work.
 */
export const MAX_REMEMBERED_SESSIONS = 1000;

/** Labels are shown in every line of the feed: keep them short. */
export const MAX_LABEL_CHARS = 64;

/**
 * What one message costs in a reader's context beyond its text (seq, time, label, kind, quotes).
 * Drain budgets count it, so many tiny messages cannot overflow a hook's context.
 */
export const MESSAGE_OVERHEAD_CHARS = 64;

/** Messages one history reply may hold: a screenful of pages, far below the mailbox's retention. */
export const MAX_HISTORY_LIMIT = 1000;

/**
 * Bytes of messages in one history reply. Well under MAX_CLIENT_BACKLOG_BYTES, so a reply to a
 * reader that is merely slow never trips the slow-consumer cut; longer reads page with beforeSeq.
 */
export const MAX_HISTORY_REPLY_BYTES = 256 * 1024;
