import { ComingSoon } from '../../components/ComingSoon'
import { helpFeature } from '../../content/helpFeatures'

/** Anonymous online counselling: a placeholder until the chat issue replaces this file. */
export default function ChatPage() {
  return <ComingSoon feature={helpFeature('chat')} />
}
