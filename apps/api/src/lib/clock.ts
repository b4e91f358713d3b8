/**
 * Where Waymark takes "now" from. In production it is the system clock. Outside production a start
 * instant can be set (WAYMARK_CLOCK), and the clock then runs on from it in real time: the browser
 * journeys and a demo can be run "on" a given school day whatever today's date is, while sessions,
 * authenticator codes and leases still see time pass.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock that reads `startsAt` at the moment it is made, then moves as real time moves. */
export function clockStartingAt(startsAt: Date, realNow: () => number = Date.now): Clock {
  const offset = startsAt.getTime() - realNow();
  return () => new Date(realNow() + offset);
}
