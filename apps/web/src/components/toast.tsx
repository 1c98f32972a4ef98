"use client";

import { createContext, type ReactNode, useCallback, useContext, useRef, useState } from "react";

interface Toast {
  id: number;
  message: string;
  action?: { label: string; run: () => void };
}

const ToastContext = createContext<(toast: Omit<Toast, "id">) => void>(() => {});

/** Short notices at the bottom of the screen, read out by screen readers; one action each. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const show = useCallback((toast: Omit<Toast, "id">) => {
    const id = next.current++;
    // The same notice twice (a rating saved twice by a double tap) shows once: the newest,
    // whose action (an undo) is the one that still applies.
    setToasts((list) => [
      ...list.filter((t) => t.message !== toast.message).slice(-2),
      { ...toast, id },
    ]);
    setTimeout(() => setToasts((list) => list.filter((t) => t.id !== id)), 6000);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div
        role="status"
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-20 z-50 flex flex-col items-center gap-2 lg:bottom-6"
      >
        {toasts.map((toast) => (
          <div
            key={toast.id}
            data-toast-id={toast.id}
            className="pointer-events-auto flex items-center gap-4 rounded-lg border border-border bg-surface-2 px-4 py-2 text-sm shadow-lg"
          >
            <span>{toast.message}</span>
            {toast.action ? (
              <button
                type="button"
                className="font-semibold text-link"
                onClick={() => {
                  toast.action?.run();
                  setToasts((list) => list.filter((t) => t.id !== toast.id));
                }}
              >
                {toast.action.label}
              </button>
            ) : null}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast() {
  return useContext(ToastContext);
}
