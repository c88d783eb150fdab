import { ComingSoon } from '../../components/ComingSoon'
import { helpFeature } from '../../content/helpFeatures'

/** Hotline queue and call-back: a placeholder until the hotline issue replaces this file. */
export default function HotlinePage() {
  return <ComingSoon feature={helpFeature('hotline')} />
}
