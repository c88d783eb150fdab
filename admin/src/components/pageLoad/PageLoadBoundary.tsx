import { Component, type ReactNode } from "react";
import { Button, Flex, Result } from "antd";
import { describePageFailure } from "./pageFailure";

interface PageLoadBoundaryProps {
  children: ReactNode;
  /** Centre in the whole window, as LoadingBlock's fill. */
  fill?: boolean;
}

interface PageLoadBoundaryState {
  failed: boolean;
  error: unknown;
}

/**
 * Around lazily loaded pages: when a page's file does not arrive (or the page throws), show what happened
 * and a retry instead of a blank screen. Retry reloads the whole page, because React keeps a failed lazy
 * load failed, and after a deploy only a fresh index.html knows the new file names.
 */
export class PageLoadBoundary extends Component<PageLoadBoundaryProps, PageLoadBoundaryState> {
  override state: PageLoadBoundaryState = { failed: false, error: null };

  static getDerivedStateFromError(error: unknown): PageLoadBoundaryState {
    return { failed: true, error };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    const failure = describePageFailure(this.state.error);
    return (
      <Flex vertical justify="center" style={this.props.fill ? { minHeight: "100vh" } : undefined}>
        <Result
          status="warning"
          title={failure.title}
          subTitle={failure.subTitle}
          extra={
            <Button type="primary" onClick={() => window.location.reload()}>
              重试
            </Button>
          }
        />
      </Flex>
    );
  }
}
