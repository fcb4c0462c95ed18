import { createContext, useContext } from 'react';
import type { StaffUser } from './auth';
import { can } from './roles';

export const UserContext = createContext<StaffUser>({ username: '', name: '', roles: [] });

export function useUser(): StaffUser {
  return useContext(UserContext);
}

export function usePermissions() {
  return can(useUser().roles);
}
