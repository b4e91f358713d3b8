/**
 * What each chapter of the living demo works with: the seeding transaction, the day Waymark starts, the
 * ids of what earlier chapters made (by a short key such as "riverside"), and the people who act. A
 * chapter does everything as a person would, through the use cases the API calls, on the day and at the
 * time it happened, so every rule of Waymark checks the demo.
 */
import { type IsoDate, londonWallTime } from '@waymark/domain';
import type { z } from 'zod';
import type { Database } from '../../../db/client.ts';
import type { Actor } from '../../../lib/actor.ts';
import { createAuthRepository } from '../../auth/auth.repository.ts';

export interface DemoWorld {
  db: Database;
  /** The day Waymark starts (London), and the instant: the demo's "now". */
  today: IsoDate;
  now: Date;
  publicUrl: string;
  /** Ids of what the chapters made, by key: schools, providers, pupils, placements. */
  ids: Map<string, string>;
  /** The people who act, by email. */
  actors: Map<string, Actor>;
  random: () => number;
  /** What the chapters planned, played in date order once every chapter has planned its part. */
  timeline: DemoEvent[];
}

interface DemoEvent {
  at: Date;
  order: number;
  /** For an error while building: keys and kinds only, never a pupil's name. */
  what: string;
  run: () => Promise<unknown>;
}

/**
 * Plans a step for `date` at a London `time`. Chapters plan; `playTimeline` then runs every step in
 * the order it happened, so a placement started in September sees its provider as it stood in
 * September, before a suspension in November.
 */
export function plan(
  world: DemoWorld,
  date: IsoDate,
  time: string,
  what: string,
  run: () => Promise<unknown>,
) {
  world.timeline.push({ at: londonInstant(date, time), order: world.timeline.length, what, run });
}

export async function playTimeline(world: DemoWorld) {
  const steps = world.timeline.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);
  world.timeline = [];
  for (const step of steps) {
    if (step.at > world.now) throw new Error(`The demo planned ${step.what} after the day it starts`);
    try {
      await step.run();
    } catch (error) {
      throw new Error(`The demo could not ${step.what} on ${step.at.toISOString()}`, { cause: error });
    }
  }
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

/** The instant a London wall clock shows `time` on `date` (British Summer Time or not). */
export function londonInstant(date: IsoDate, time: string): Date {
  return londonWallTime(`${date}T${time}`);
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

/** A London wall-clock time (HH:MM) `minutes` later, kept within the same day. */
export function laterBy(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = Math.min(h * 60 + m + minutes, 23 * 60 + 59);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
