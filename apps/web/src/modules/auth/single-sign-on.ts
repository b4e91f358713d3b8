/** What the sign-in page says when a school's sign-in service sent someone back without signing them in. */
export const singleSignOnRefusals: Record<string, string> = {
  expired:
    'That sign-in took too long, or finished in a different browser from the one it started in. Try again.',
  cancelled: 'Signing in with your school account was cancelled.',
  failed:
    'Your school’s sign-in service sent an answer Waymark could not accept. Try again, or sign in with your password.',
  unverified:
    'Your school’s sign-in service did not confirm your email address. Sign in with your password, or ask your trust administrator.',
  'no-account':
    'There is no Waymark account for that school account. Ask your trust administrator to invite you.',
};
