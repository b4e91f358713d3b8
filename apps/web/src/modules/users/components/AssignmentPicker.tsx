import { Group, Select } from '@mantine/core';
import { type RoleName, roleNames, roles, type ScopeType, scopeTypeLabels } from '@waymark/domain';
import { useOrganisation } from '../../organisation/organisation.api.ts';
import { scopeOptions } from '../users.api.ts';

export interface AssignmentDraft {
  role: RoleName | '';
  scopeType: ScopeType | '';
  scopeId: string;
}

export const emptyAssignment: AssignmentDraft = { role: '', scopeType: '', scopeId: '' };

/** Role, then the kind of place the role allows, then the place. */
export function AssignmentPicker({
  value,
  onChange,
  errors = {},
}: {
  value: AssignmentDraft;
  onChange: (next: AssignmentDraft) => void;
  errors?: { role?: string; scopeType?: string; scopeId?: string };
}) {
  const { data: organisation } = useOrganisation();
  const allowedScopes = value.role ? roles[value.role].scopes : [];
  return (
    <Group align="flex-start" grow wrap="wrap">
      <Select
        label="Role"
        placeholder="Choose a role"
        data={roleNames.map((r) => ({ value: r, label: roles[r].label }))}
        value={value.role || null}
        error={errors.role}
        onChange={(role) => {
          const nextRole = (role ?? '') as RoleName | '';
          const scopes = nextRole ? roles[nextRole].scopes : [];
          const scopeType = scopes.length === 1 ? scopes[0]! : '';
          const onlyPlace = scopeType ? scopeOptions(organisation, scopeType) : [];
          onChange({ role: nextRole, scopeType, scopeId: onlyPlace.length === 1 ? onlyPlace[0]!.value : '' });
        }}
      />
      <Select
        label="Kind of place"
        placeholder="Choose"
        data={allowedScopes.map((s) => ({ value: s, label: scopeTypeLabels[s] }))}
        value={value.scopeType || null}
        disabled={!value.role}
        error={errors.scopeType}
        onChange={(scopeType) =>
          onChange({ ...value, scopeType: (scopeType ?? '') as ScopeType | '', scopeId: '' })
        }
      />
      <Select
        label="Place"
        placeholder="Choose"
        searchable
        data={value.scopeType ? scopeOptions(organisation, value.scopeType) : []}
        value={value.scopeId || null}
        disabled={!value.scopeType}
        error={errors.scopeId}
        onChange={(scopeId) => onChange({ ...value, scopeId: scopeId ?? '' })}
      />
    </Group>
  );
}
