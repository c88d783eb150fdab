import { ComingSoon } from '../../components/ComingSoon'
import { helpFeature } from '../../content/helpFeatures'

/** Letters to the school mailbox: a placeholder until the mailbox issue replaces this file. */
export default function LettersPage() {
  return <ComingSoon feature={helpFeature('letters')} />
}
