import { type AdminUser, type CreateUserRequest, consoleApiPaths, type UpdateUserRequest } from "@survey/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "./http";

export const usersQueryKey = ["users"] as const;

export function fetchUsers(): Promise<AdminUser[]> {
  return apiRequest<AdminUser[]>(consoleApiPaths.users);
}

export function createUser(request: CreateUserRequest): Promise<AdminUser> {
  return apiRequest<AdminUser>(consoleApiPaths.users, { method: "POST", json: request });
}

export function updateUser(userId: number, request: UpdateUserRequest): Promise<AdminUser> {
  return apiRequest<AdminUser>(consoleApiPaths.user(userId), { method: "PATCH", json: request });
}

export function useUsers() {
  return useQuery({ queryKey: usersQueryKey, queryFn: fetchUsers });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => client.invalidateQueries({ queryKey: usersQueryKey }),
  });
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, request }: { userId: number; request: UpdateUserRequest }) => updateUser(userId, request),
    onSuccess: () => client.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
