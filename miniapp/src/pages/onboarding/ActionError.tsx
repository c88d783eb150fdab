import { Text } from '@tarojs/components'
import { Notice } from '../../components/Notice'
import { describeError, isNetworkError } from '../../services/apiError'

/** A failed save, said gently next to the button that will try again. */
export function ActionError({ error }: { error: unknown }) {
  if (!error) return null
  return (
    <Notice tone='warm' title={isNetworkError(error) ? '没有保存成功' : undefined}>
      <Text>{describeError(error)}</Text>
    </Notice>
  )
}
