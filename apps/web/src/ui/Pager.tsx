import { Pagination } from '@mantine/core';

export interface PageInfo {
  total: number;
  pageSize: number;
}

/** Page numbers under a list; nothing when everything fits on one page. */
export function Pager({
  pageInfo,
  page,
  onChange,
}: {
  pageInfo: PageInfo | undefined;
  page: number;
  onChange: (page: number) => void;
}) {
  const totalPages = pageInfo ? Math.ceil(pageInfo.total / pageInfo.pageSize) : 0;
  if (totalPages <= 1) return null;
  return (
    <Pagination
      mt="md"
      total={totalPages}
      value={page}
      onChange={onChange}
      getControlProps={(control) => ({ 'aria-label': `${control} page` })}
      getItemProps={(n) => ({ 'aria-label': `Page ${n}` })}
    />
  );
}
