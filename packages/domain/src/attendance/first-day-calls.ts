/** The steps of a first-day call, in the order the policy escalates them (§9). */
export const callSteps = ['call', 'dsl_informed', 'home_visit', 'missing_education_referral'] as const;
export type CallStep = (typeof callSteps)[number];
export const callStepLabels: Record<CallStep, string> = {
  call: 'Call',
  dsl_informed: 'DSL informed',
  home_visit: 'Home visit',
  missing_education_referral: 'Children missing education referral',
};
