/** Types of route-sizes.mjs, for the benchmarks that print its table. */
export declare const BUDGETS: Record<string, number>;
export declare function routeSizes(): {
  entryKb: number;
  pages: { page: string; firstLoadKb: number; ownKb: number }[];
};
