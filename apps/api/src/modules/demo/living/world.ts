/**
 * What each chapter of the living demo works with: the seeding transaction, the day Waymark starts, the
 * ids of what earlier chapters made (by a short key such as "riverside"), and the people who act. A
 * chapter does everything as a person would, through the use cases the API calls, on the day and at the
 * time it happened, so every rule of Waymark checks the demo.
 */
import type { IsoDate } from '@waymark/domain';
import type { z } from 'zod';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../lib/actor.ts';
import { createAuthRepository } from '../../auth/auth.repository.ts';

export interface DemoWorld {
  db: Database;
  /** The day Waymark starts (London), and the instant: the demo's "now". */
  today: IsoDate;
  now: Date;
  /** Ids of what the chapters made, by key: schools, providers, pupils, placements. */
  ids: Map<string, string>;
  /** The people who act, by email. */
  actors: Map<string, Actor>;
  random: () => number;
}

export function idOf(world: DemoWorld, key: string): string {
  const id = world.ids.get(key);
  if (!id) throw new Error(`The demo has nothing called ${key} yet`);
  return id;
}

export function actorOf(world: DemoWorld, email: string): Actor {
  const actor = world.actors.get(email);
  if (!actor) throw new Error(`The demo has no user ${email} yet`);
  return actor;
}

/** Loads a user's role assignments as a signed-in session would, so they act with exactly those. */
export async function loadActor(world: DemoWorld, user: { id: string; email: string; displayName: string }) {
  const assignments = await createAuthRepository({ db: world.db }).findAssignments(user.id);
  const actor: Actor = {
    userId: user.id,
    groupId: idOf(world, 'group'),
    email: user.email,
    displayName: user.displayName,
    sessionTokenHash: '',
    assignments,
  };
  world.actors.set(user.email, actor);
  return actor;
}

/**
 * Input as the API would take it: parsed by the route's own schema, so the demo cannot hold a record a
 * school could not have entered.
 */
export function asEntered<S extends z.ZodType>(schema: S, input: z.input<S>): z.output<S> {
  return schema.parse(input);
}

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** The instant a London wall clock shows `time` on `date` (British Summer Time or not). */
export function londonInstant(date: IsoDate, time: string): Date {
  const guess = new Date(`${date}T${time}:00Z`);
  const parts = Object.fromEntries(londonParts.formatToParts(guess).map((p) => [p.type, p.value]));
  const shown = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  );
  return new Date(guess.getTime() - (shown - guess.getTime()));
}

/** A small seeded generator (mulberry32): the same seed gives the same demo every time. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
