import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { UserExportView } from '@xinyuan/shared'
import { ActionButton } from '../../components/ActionButton'
import { Notice } from '../../components/Notice'
import { describeError } from '../../services/apiError'
import { exportMe } from '../../services/me'
import { copyText, downloadText } from './saveText'

/** What the export holds, said plainly (chats are included: both sides, every line). */
export const dataExportContents =
  '导出的内容包括：你的资料和同意记录、聊天记录（你和老师双方说的每一句话）、热线回电、信件和老师的回复、预约、活动报名、为你的安全建立的跟进记录，以及账号操作记录。老师的专业评估和内部记录不在其中，如需查阅，可以联系县心理健康教育中心。'

type ExportFormat = 'readable' | 'json'

interface LoadedExport {
  readable: string
  json: string
}

function loadedOf(view: UserExportView): LoadedExport {
  const { readable, ...data } = view
  return { readable, json: JSON.stringify(data, null, 2) }
}

/**
 * GET /me/export: everything we keep about the user, as readable Chinese text (shown first) and as the raw
 * JSON beside it, to copy or (in H5) save as a file.
 */
export function DataExport() {
  const [loaded, setLoaded] = useState<LoadedExport | null>(null)
  const [format, setFormat] = useState<ExportFormat>('readable')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  async function load() {
    setBusy(true)
    setError(null)
    try {
      setLoaded(loadedOf(await exportMe({ toast: false })))
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(false)
    }
  }

  const shown = loaded ? loaded[format] : null

  async function copy() {
    if (shown === null) return
    const copied = await copyText(shown)
    if (!copied) void Taro.showToast({ title: '没能复制，可以长按文字手动复制', icon: 'none' })
  }

  function save() {
    if (!loaded) return
    if (format === 'readable') downloadText('心援-我的数据.txt', loaded.readable, 'text/plain;charset=utf-8')
    else downloadText('xinyuan-my-data.json', loaded.json, 'application/json')
  }

  return (
    <View>
      <Text className='me-muted'>{dataExportContents}</Text>
      {error ? <Notice tone='warm'>{describeError(error)}</Notice> : null}
      {loaded === null ? (
        <ActionButton variant='secondary' busy={busy} onClick={() => void load()}>
          {error ? '再试一次' : '导出我的数据'}
        </ActionButton>
      ) : (
        <View>
          <View className='me-export-formats'>
            <ActionButton variant={format === 'readable' ? 'primary' : 'secondary'} onClick={() => setFormat('readable')}>
              中文版
            </ActionButton>
            <ActionButton variant={format === 'json' ? 'primary' : 'secondary'} onClick={() => setFormat('json')}>
              完整数据（供技术人员查看）
            </ActionButton>
          </View>
          <View className='me-json'>
            <Text userSelect>{shown}</Text>
          </View>
          <Text className='me-muted'>这些内容只有你自己能看到。复制或保存后请放在安全的地方，不要发给不认识的人。</Text>
          <ActionButton variant='secondary' onClick={() => void copy()}>
            复制全部内容
          </ActionButton>
          {process.env.TARO_ENV === 'h5' ? (
            <ActionButton variant='secondary' onClick={save}>
              保存为文件
            </ActionButton>
          ) : null}
        </View>
      )}
    </View>
  )
}
