/**
 * What a use case is given. Every read of the group's records needs the database and who is asking
 * (their reach decides what they see); every change also needs where it came from and when, for the
 * audit log in the same transaction.
 */
import type { Database } from '../db/client.ts';
import type { Actor } from './actor.ts';

export interface Reading {
  db: Database;
  actor: Actor;
}

export interface Command extends Reading {
  ipAddress: string | null;
  now: Date;
}

/** What a scheduled job is given: it acts as Waymark itself, at a time, and links to the site. */
export interface ScheduledJob {
  db: Database;
  now: Date;
  publicUrl: string;
}
