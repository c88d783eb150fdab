import { useRef, useState } from "react";
import { Button, Flex, Input } from "antd";
import { chatMessageMaxChars } from "@xinyuan/shared";

interface ComposerProps {
  disabled: boolean;
  draft: string;
  onDraft: (value: string) => void;
  onSend: (body: string) => void;
  onTyping: (typing: boolean) => void;
}

/** The reply box: Enter sends, Shift+Enter breaks the line; tells the student "typing" while we write. */
export function Composer({ disabled, draft, onDraft, onSend, onTyping }: ComposerProps) {
  const typing = useRef(false);
  const stopTimer = useRef<number>();
  const [composing, setComposing] = useState(false);

  const stopTyping = () => {
    window.clearTimeout(stopTimer.current);
    if (typing.current) onTyping(false);
    typing.current = false;
  };
  const change = (value: string) => {
    onDraft(value);
    if (!typing.current && value) {
      typing.current = true;
      onTyping(true);
    }
    window.clearTimeout(stopTimer.current);
    stopTimer.current = window.setTimeout(stopTyping, 3000);
  };
  const send = () => {
    const body = draft.trim();
    if (!body || disabled) return;
    onSend(body);
    onDraft("");
    stopTyping();
  };

  return (
    <Flex gap={8} align="flex-end">
      <Input.TextArea
        value={draft}
        disabled={disabled}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={chatMessageMaxChars}
        placeholder={disabled ? "这次咨询已结束或你正在旁听" : "输入回复，Enter 发送，Shift+Enter 换行"}
        aria-label="回复内容"
        onChange={(event) => change(event.target.value)}
        onCompositionStart={() => setComposing(true)}
        onCompositionEnd={() => setComposing(false)}
        onPressEnter={(event) => {
          if (event.shiftKey || composing) return;
          event.preventDefault();
          send();
        }}
      />
      <Button type="primary" disabled={disabled || !draft.trim()} onClick={send}>
        发送
      </Button>
    </Flex>
  );
}
