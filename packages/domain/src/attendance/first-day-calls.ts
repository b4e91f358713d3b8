/** The steps of a first-day call, in the order the policy escalates them (§9). */
export const callSteps = ['call', 'dsl_informed', 'home_visit', 'missing_education_referral'] as const;
export type CallStep = (typeof callSteps)[number];
