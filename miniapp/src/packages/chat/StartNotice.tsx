import { Text, View } from '@tarojs/components'
import type { StartChatResult } from '@xinyuan/shared'
import { HelplineList } from '../../components/HelplineList'
import { Notice } from '../../components/Notice'

/** What the server said when the chat was started, kept for the conversation screen. */
export type ChatStartNotice = Pick<StartChatResult, 'outcome' | 'notice' | 'helplines'>

interface StartNoticeProps {
  start: ChatStartNotice
  /** The same phone lines are already on screen (the other ways offered while the chat waits for the next shift). */
  linesShownElsewhere: boolean
  /** Without it the notice stays: it came with phone lines because the first words sounded like danger. */
  onDismiss?: () => void
}

/** The server's sentence from the start of the chat, as is, with the lines to call when it sent any. */
export function StartNotice({ start, linesShownElsewhere, onDismiss }: StartNoticeProps) {
  const withLines = start.helplines.length > 0
  return (
    <View className='chat-notice'>
      <Notice tone={withLines ? 'warm' : 'calm'}>
        <Text>{start.notice}</Text>
        {onDismiss ? (
          <Text className='chat-notice__dismiss' onClick={onDismiss}>
            知道了，收起
          </Text>
        ) : null}
      </Notice>
      {withLines && !linesShownElsewhere ? <HelplineList lines={start.helplines} title='现在就可以拨打' /> : null}
    </View>
  )
}
