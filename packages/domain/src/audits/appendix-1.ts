/**
 * Version 1 of the audit template: policy EDE/POL/013 issue 002, Appendix 1 "Off-site & Alternative
 * Provision Audit Form", question by question. The header (provider, visit, auditor, address,
 * telephone, e-mail, key contact) is recorded on the provider and the audit, not as questions.
 */
import type { AuditTemplate, StructuredField } from './audit-template.ts';

export const namedPolicies = [
  'Attendance',
  'Admissions',
  'Health & Safety',
  'Code of Conduct',
  'Behaviour',
  'Data Protection',
  'Equality',
  'Child Protection',
  'Prevent Risk Assessment',
  'Online Safety',
  'Missing Child Procedure',
  'Allegations Management',
  'Low-level Concerns',
  'Lone Working',
  'RSHE Policy',
  'Complaints Procedure',
] as const;

export const externalAgencies = [
  'Social Care',
  'Educational Psychology',
  'CAMHS',
  'YOT/YOS',
  'Substance Abuse Services',
  'Other',
] as const;

const text = (id: string, label: string): StructuredField => ({
  id,
  label,
  kind: 'text',
  requiredWhenYes: true,
});
const date = (id: string, label: string): StructuredField => ({
  id,
  label,
  kind: 'date',
  requiredWhenYes: true,
});
const money = (id: string, label: string): StructuredField => ({
  id,
  label,
  kind: 'money',
  requiredWhenYes: true,
});
const optionalText = (id: string, label: string): StructuredField => ({
  id,
  label,
  kind: 'text',
  requiredWhenYes: false,
});

const liabilityCover = [
  text('insurer', 'Insurer'),
  date('expiresOn', 'Expiry date'),
  money('level', 'Level of liability (£)'),
];
const specialCover = [
  text('insurer', 'Insurer'),
  date('expiresOn', 'Expiry date'),
  optionalText('specialConditions', 'Special conditions'),
];

const q = (
  id: string,
  questionText: string,
  extra: { commentRequired?: boolean; commentHint?: string; fields?: StructuredField[] } = {},
) => ({
  id,
  text: questionText,
  commentRequired: extra.commentRequired ?? false,
  ...(extra.commentHint ? { commentHint: extra.commentHint } : {}),
  fields: extra.fields ?? [],
});
// Questions that ask how, who, what or which cannot be answered by Yes or No alone.
const open = (id: string, questionText: string, commentHint?: string) =>
  q(id, questionText, { commentRequired: true, ...(commentHint ? { commentHint } : {}) });

export const appendix1: AuditTemplate = {
  title: 'Off-site & Alternative Provision Audit Form',
  policyReference: 'Alternative Provision Policy EDE/POL/013, issue 002, Appendix 1',
  sections: [
    {
      id: 'registration',
      title: 'Registration Status',
      guidance:
        "A provider must register as an Independent school if they meet the following conditions: providing 18 hours or more 'full time' education to 5 or more pupils of compulsory school age, or 1 pupil of compulsory school age who is looked after, or has an EHCP.",
      questions: [
        q('meets_registration_condition', 'Does the provider meet the condition for registration above?'),
        q('registered_with_dfe', 'Are they registered with the DfE?', {
          fields: [text('dfeNumber', 'DfE number')],
        }),
        q('outdoor_adventurous_activity', 'Are they an Outdoor Adventurous Activity provider?', {
          fields: [text('aalaLicence', 'AALA Licence number')],
        }),
      ],
    },
    {
      id: 'safeguarding',
      title: 'Safeguarding',
      questions: [
        q('on_la_framework', 'Is the provision on the Local Authorities AP Framework?'),
        q('ofsted_report', "Is a recent 'Good' or 'Outstanding' Ofsted Report available where applicable?"),
        q(
          'attendance_procedure',
          'Does the provider have a robust attendance procedure and report daily on attendance?',
        ),
        open(
          'notifies_absence',
          'Will the provider notify the school if the pupil is absent? If so, how?',
          'How the school is told',
        ),
        q('safeguarding_training', 'Have staff had recent safeguarding training?', {
          fields: [
            text('trainingProvider', 'Training provider'),
            text('course', 'Course name/level'),
            date('trainedOn', 'Date'),
          ],
        }),
        open('training_topics', 'Topics covered in safeguarding training'),
        open('dsl_and_ddsl', "Who are the provider's DSL and DDSL?", 'Training details'),
        open('records_concerns', 'Does the provider record concerns about pupils? If so, how?'),
        open('shares_concerns', 'Will the provider share concerns with the school? If so, how?'),
        q(
          'kcsie_checks_confirmed',
          'Has the school received written confirmation from the provider that safeguarding checks in line with KCSIE have been carried out on all individuals?',
          { commentHint: 'See the Appendix 2 letter template' },
        ),
        q('policies_in_place', 'Are the following policies and procedures in place?', {
          fields: [
            {
              id: 'policies',
              label: 'Policies and procedures in place',
              kind: 'checklist',
              options: [...namedPolicies],
              requiredWhenYes: true,
            },
          ],
        }),
      ],
    },
    {
      id: 'health_and_safety',
      title: 'Health & Safety',
      questions: [
        q('first_aid', 'First aid provision'),
        q('medication', 'Medication management'),
        q('fire_safety', 'Fire safety arrangements'),
        q('transport', 'Transport arrangements'),
      ],
    },
    {
      id: 'insurance',
      title: 'Insurance',
      questions: [
        q('public_liability', 'Public Liability Insurance (£5,000,000 minimum)', { fields: liabilityCover }),
        q('employers_liability', "Employer's Liability Insurance (£10,000,000 minimum)", {
          fields: liabilityCover,
        }),
        q('professional_negligence', 'Professional Negligence Insurance (£2,000,000 minimum)', {
          fields: liabilityCover,
        }),
        q('motor_vehicle', 'Motor Vehicle Insurance (if applicable)', { fields: specialCover }),
        q('subcontractor_liability', 'Subcontractor Liability Insurance', { fields: specialCover }),
      ],
    },
    {
      id: 'quality',
      title: 'Quality of Provision',
      questions: [
        q('meets_needs', 'Does the commissioned course meet the educational and SEMH needs of each pupil?'),
        q('premises', 'Are the premises fit for purpose?'),
        q('health_safety_arrangements', 'Are health and safety arrangements appropriate?'),
        q('teaching_standard', 'Is teaching and learning of a high standard?'),
        open('quality_assurance', 'What quality assurance processes are undertaken at the provider?'),
        open('progress_reporting', 'What is the regularity of progress reporting and meetings?'),
        open(
          'learning_walk',
          'Observations during learning walk/tour: engagement, behaviour, pastoral support, quality of teaching, adult-pupil interaction',
        ),
        open(
          'learning_organised',
          'How is learning organised? (Long/medium/short term planning, differentiation, personalisation)',
        ),
        open('learners_work', "Observations on learners' work, displays, challenge level"),
        q('resources', 'Are suitable resources and teaching materials available?'),
        q('behaviour_management', 'Is behaviour management strong?'),
        q('progress_tracking', 'Is tracking and reporting on progress robust?'),
        q('accreditation', 'Are suitable accreditation and outcomes on offer?'),
        q('reintegration', 'Is due attention paid to reintegration or progression to post-16 pathways?'),
        q('pupil_voice', 'Is there a pupil voice process?'),
      ],
    },
    {
      id: 'transition',
      title: 'Transition and Admission Processes',
      questions: [
        q('admissions_induction', 'Does the provider have an admissions and induction process?'),
        q('visits_before', 'Can pupils visit prior to attendance?'),
        q('taster_sessions', 'Does the provider offer taster sessions?'),
        q('bespoke_transition', 'Is the transition timetable bespoke to each pupil?'),
        open('typical_transition', 'What does a typical transition look like?'),
        q(
          'careers_links',
          'Does the provider have links with careers advisers or mainstream providers/employers for transitions?',
        ),
        q('ending_process', 'Does the provider have a specific process for ending a placement?', {
          commentHint: 'Outline for both parties',
        }),
      ],
    },
    {
      id: 'additional_support',
      title: 'Additional Support',
      questions: [
        q(
          'sets_targets',
          'Does the provider set targets for attendance, progress, personal/social/behaviour/attitude?',
        ),
        q('evidences_progress', 'Can the provider evidence overall progress of the pupil?'),
        q('produces_reports', 'Will the provider produce reports for parents/carers or EHCP reviews?'),
        q(
          'external_agencies',
          'Which external agencies does the provider work with? (Social Care, Educational Psychology, CAMHS, YOT/YOS, Substance Abuse Services, Other)',
          {
            fields: [
              {
                id: 'agencies',
                label: 'External agencies',
                kind: 'checklist',
                options: [...externalAgencies],
                requiredWhenYes: true,
              },
            ],
          },
        ),
      ],
    },
    {
      id: 'documentation',
      title: 'Supporting Documentation',
      questions: [
        q('sla_or_contract', 'Service Level Agreement or Provider Contract'),
        q('education_plan', 'Education plan for each pupil or group'),
        q('monitoring_protocol', 'Protocol for monitoring pupil progress, outcomes, and quality'),
        q('review_calendar', 'Review calendar for monitoring progress and quality'),
        q('communication_protocol', 'Effective communication protocol'),
        q('subcontracted_provision', 'Details of any subcontracted provision and due diligence evidence'),
      ],
    },
    {
      id: 'suitability',
      title: 'Suitability of Provision',
      questions: [
        open(
          'suitable',
          'Is the provision suitable for the pupil(s)? If yes, why?',
          'Why it is, or is not, suitable',
        ),
      ],
    },
  ],
};
