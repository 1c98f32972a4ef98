"use client";

import { createContext, type ReactNode, useCallback, useContext, useRef, useState } from "react";

interface Toast {
  id: number;
  message: string;
  action?: { label: string; run: () => void };
}

const ToastContext = createContext<(toast: Omit<Toast, "id">) => void>(() => {});

/**
 * Short notices, read out by screen readers; one action each. On a phone they sit at the top,
 * under the header, so they never cover the bottom bar or the buttons at the end of a page
 * ("Lock & new batch" after the last rating); on a wide screen, at the bottom right, away from
 * the page's own actions (which start on the left).
 */
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
        className="pointer-events-none fixed inset-x-0 top-[4.25rem] z-50 flex flex-col-reverse items-center gap-2 px-4 lg:top-auto lg:right-6 lg:bottom-6 lg:left-auto lg:flex-col lg:items-end lg:px-0"
      >
        {toasts.map((toast) => (
          <div
            key={toast.id}
            data-toast-id={toast.id}
            className="pointer-events-auto flex max-w-full items-center gap-4 rounded-lg border border-border bg-surface-2 px-4 py-2 text-sm shadow-lg"
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
