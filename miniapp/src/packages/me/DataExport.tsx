import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton } from '../../components/ActionButton'
import { Notice } from '../../components/Notice'
import { describeError } from '../../services/apiError'
import { exportMe } from '../../services/me'
import { copyText, downloadJson } from './saveJson'

/** GET /me/export: shows everything we keep about the user as JSON, to copy or (in H5) save. */
export function DataExport() {
  const [json, setJson] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  async function load() {
    setBusy(true)
    setError(null)
    try {
      setJson(JSON.stringify(await exportMe({ toast: false }), null, 2))
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(false)
    }
  }

  async function copy() {
    if (json === null) return
    const copied = await copyText(json)
    if (!copied) void Taro.showToast({ title: '没能复制，可以长按文字手动复制', icon: 'none' })
  }

  return (
    <View>
      <Text className='me-muted'>导出的内容包括你的昵称、身份、年龄段、学校和同意记录，以后还会包括你的咨询和信件。</Text>
      {error ? <Notice tone='warm'>{describeError(error)}</Notice> : null}
      {json === null ? (
        <ActionButton variant='secondary' busy={busy} onClick={() => void load()}>
          导出我的数据
        </ActionButton>
      ) : (
        <View>
          <View className='me-json'>
            <Text userSelect>{json}</Text>
          </View>
          <ActionButton variant='secondary' onClick={() => void copy()}>
            复制全部内容
          </ActionButton>
          {process.env.TARO_ENV === 'h5' ? (
            <ActionButton variant='secondary' onClick={() => downloadJson('xinyuan-my-data.json', json)}>
              保存为文件
            </ActionButton>
          ) : null}
        </View>
      )}
    </View>
  )
}
