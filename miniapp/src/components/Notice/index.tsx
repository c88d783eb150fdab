import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.css'

interface NoticeProps {
  title?: string
  children: ReactNode
  tone?: 'calm' | 'warm' | 'alert'
}

/** A soft box for explanations and gentle warnings. Never red for a user's own mistake. */
export function Notice({ title, children, tone = 'calm' }: NoticeProps) {
  return (
    <View className={`xy-notice xy-notice--${tone}`}>
      {title ? <Text className='xy-notice__title'>{title}</Text> : null}
      <View className='xy-notice__body'>{children}</View>
    </View>
  )
}
