/**
 * A React error boundary around one panel: a panel that throws while rendering shows a short
 * message and a "Try again" button in its place, and the rest of the page keeps working.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useT } from '../i18n/use-t';

interface PanelBoundaryProps {
  /** Which panel this is, for the console message only. */
  name: string;
  children?: ReactNode;
}

interface PanelBoundaryState {
  error: Error | null;
}

function PanelError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const tr = useT();
  return (
    <div className="panel-error" role="alert">
      <p>{tr('robustPanelFailed', { message: error.message })}</p>
      <button type="button" onClick={onRetry}>
        {tr('robustRetry')}
      </button>
    </div>
  );
}

export class PanelBoundary extends Component<PanelBoundaryProps, PanelBoundaryState> {
  override state: PanelBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): PanelBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`Panel "${this.props.name}" failed:`, error, info.componentStack);
  }

  private readonly retry = () => this.setState({ error: null });

  override render(): ReactNode {
    const { error } = this.state;
    return error ? <PanelError error={error} onRetry={this.retry} /> : this.props.children;
  }
}
