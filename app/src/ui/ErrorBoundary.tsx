import { Component, type ErrorInfo, type ReactNode } from 'react';
import { moduleLoadFailed } from './lazy-component.js';

interface ErrorBoundaryProps {
  /** What shows instead of the children once one of them failed; `retry` renders them again. */
  readonly fallback: (retry: () => void) => ReactNode;
  /** Names the part of Tally that failed in the log. */
  readonly where: string;
  readonly children: ReactNode;
}

/**
 * Catches what fails while its children render — a screen's code that could not be loaded — and
 * shows `fallback` in their place, so the rest of Tally keeps working; the error is logged.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { readonly failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`Tally: ${this.props.where} failed`, error, info.componentStack);
  }

  // An arrow function: the fallback calls it without the instance. A module that failed to load
  // loads only in a new page: the reload opens the same screen, from the service worker offline.
  private readonly retry = (): void => {
    if (moduleLoadFailed()) window.location.reload();
    else this.setState({ failed: false });
  };

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback(this.retry) : this.props.children;
  }
}
