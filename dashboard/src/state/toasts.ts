import { create } from 'zustand';
import type { Problem } from '../api/problem';

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  title: string;
  detail?: string;
}

interface ToastState {
  toasts: Toast[];
  /** Shows an API problem: its title and detail, never swallowed. */
  problem: (p: Problem) => void;
  info: (title: string, detail?: string) => void;
  dismiss: (id: number) => void;
}

let next = 1;
const MAX = 5;

export const useToasts = create<ToastState>((set) => ({
  toasts: [],
  problem: (p) =>
    set((s) => ({
      toasts: [
        ...s.toasts,
        { id: next++, kind: 'error' as const, title: p.status ? `${p.status} ${p.title}` : p.title, detail: p.detail },
      ].slice(-MAX),
    })),
  info: (title, detail) => set((s) => ({ toasts: [...s.toasts, { id: next++, kind: 'info' as const, title, detail }].slice(-MAX) })),
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));
