/** Keeps a rendering error from leaving a blank pane: says what happened and how to recover. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';
import type { Lang } from '../../core/findings';

interface Props {
  lang: Lang;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const en = this.props.lang === 'en';
    return (
      <MessageBar intent="error" layout="multiline" data-testid="render-error">
        <MessageBarBody>
          <MessageBarTitle>{en ? 'The task pane stopped' : '作業ウィンドウを表示できませんでした'}</MessageBarTitle>
          {error.message} {en ? 'The workbook was not changed by this. Press Retry, or close and reopen the pane.' : 'このエラーでブックは変更されていません。「再試行」を押すか、作業ウィンドウを開き直してください。'}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => this.setState({ error: null })}>{en ? 'Retry' : '再試行'}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
