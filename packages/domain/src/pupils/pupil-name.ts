/**
 * How Waymark names a pupil to the people who work with them: the name the pupil goes by, then the
 * legal surname. Pages, emails to staff, registers and reports all use these, so a preferred name
 * shows the same everywhere.
 */
export interface NamedPupil {
  legalFirstName: string;
  legalLastName: string;
  preferredName: string | null;
}

/** The first name the pupil goes by: their preferred name where the school recorded one. */
export const pupilFirstName = (pupil: NamedPupil): string => pupil.preferredName ?? pupil.legalFirstName;

/** "Sam Taylor": first name the pupil goes by, then the legal surname. */
export const pupilDisplayName = (pupil: NamedPupil): string =>
  `${pupilFirstName(pupil)} ${pupil.legalLastName}`;

/** "Taylor, Sam": for lists sorted by surname. */
export const pupilSortName = (pupil: NamedPupil): string =>
  `${pupil.legalLastName}, ${pupilFirstName(pupil)}`;
