import { useSearchParams } from 'react-router';

/**
 * Choices kept in the address (?school=…&year=…), so a reload or a shared link shows the same thing;
 * choosing replaces the history entry rather than adding one per change.
 */
export function useChoicesInAddress<Key extends string>() {
  const [params, setParams] = useSearchParams();
  const choose = (key: Key, value: string | null) =>
    value &&
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );
  return [params, choose] as const;
}
