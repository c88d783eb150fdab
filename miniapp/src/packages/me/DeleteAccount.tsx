import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { Notice } from '../../components/Notice'
import { describeError } from '../../services/apiError'
import { forgetDemoDeviceId } from '../../services/loginCode'
import { deleteMe } from '../../services/me'
import { forgetSession } from '../../services/session'

type Stage = 'idle' | 'confirming' | 'deleted'

/** DELETE /me behind one clear, gentle confirmation that says exactly what goes away. */
export function DeleteAccount({ onDeleted }: { onDeleted: () => void }) {
  const [stage, setStage] = useState<Stage>('idle')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  async function confirm() {
    setBusy(true)
    setError(null)
    try {
      await deleteMe({ toast: false })
      forgetSession()
      forgetDemoDeviceId()
      setStage('deleted')
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(false)
    }
  }

  if (stage === 'deleted') {
    return (
      <Notice title='你的账号已经注销' tone='calm'>
        <Text>你的资料和同意记录已经删除。谢谢你来过。以后任何时候需要，都可以再回来，电话求助也一直都在。</Text>
        <ActionButton variant='secondary' onClick={onDeleted}>
          回到首页
        </ActionButton>
      </Notice>
    )
  }
  if (stage === 'idle') {
    return (
      <ActionButton variant='quiet' onClick={() => setStage('confirming')}>
        注销账号
      </ActionButton>
    )
  }
  return (
    <View>
      <Notice title='确定要注销吗？' tone='alert'>
        <Text>
          注销后，你的昵称、身份、学校和同意记录都会被删除，而且不能恢复。
        </Text>
        <Text>
          正在进行的聊天会结束，热线排队和回拨会取消，你留下的电话号码会删除。按照心理服务的规定，以前的聊天和来电记录会作为服务档案保存一段时间，但和你不再有任何关联，没有人能认出是你。系统的安全审计记录也会再保留一段时间。
        </Text>
        <Text>
          想留一份自己的记录，可以先点上面的“导出我的数据”。如果只是想休息一下，不注销也完全可以。
        </Text>
      </Notice>
      {error ? <Notice tone='warm'>{describeError(error)}</Notice> : null}
      <ActionButton variant='secondary' onClick={() => setStage('idle')} disabled={busy}>
        我再想想
      </ActionButton>
      <ActionButton variant='urgent' busy={busy} onClick={() => void confirm()}>
        确认注销并删除数据
      </ActionButton>
    </View>
  )
}
