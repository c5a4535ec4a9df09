/** Keeps a rendering error from leaving a blank pane: says what happened and how to recover. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';
import type { Lang } from '../../core/findings';
import { t } from '../../core/catalogue';

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
    const { lang } = this.props;
    return (
      <MessageBar intent="error" layout="multiline" data-testid="render-error">
        <MessageBarBody>
          <MessageBarTitle>{t(lang, 'pane.render-error.title')}</MessageBarTitle>
          {error.message} {t(lang, 'pane.render-error.hint')}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => this.setState({ error: null })}>{t(lang, 'pane.retry')}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
