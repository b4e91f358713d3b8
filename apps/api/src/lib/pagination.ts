import type { PageQuery } from '@waymark/domain/contracts/pagination';

// The shapes are shared with the web (a page of a long list); the offset is the database's business.
export {
  type PageInfo,
  type PageQuery,
  pageInfoSchema,
  pageQuerySchema,
} from '@waymark/domain/contracts/pagination';

export function offsetOf({ page, pageSize }: PageQuery): number {
  return (page - 1) * pageSize;
}
