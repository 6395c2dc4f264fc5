import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";

/**
 * A mutation after which the queries under `staleKeys` are refetched; it settles only once they have been,
 * so whatever waits for it (a dialog closing, a message) sees the new data.
 */
export function useInvalidatingMutation<TVariables, TData>(
  mutationFn: (variables: TVariables) => Promise<TData>,
  staleKeys: readonly QueryKey[],
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => Promise.all(staleKeys.map((queryKey) => client.invalidateQueries({ queryKey }))),
  });
}
