import { Text, View } from '@tarojs/components'
import './index.css'

interface StepHeaderProps {
  index: number
  total: number
  title: string
  lead?: string
}

/** "第 2 步，共 5 步" with a soft progress bar, so the first run never feels endless. */
export function StepHeader({ index, total, title, lead }: StepHeaderProps) {
  const percent = Math.round((Math.min(index, total) / total) * 100)
  return (
    <View className='xy-step'>
      <Text className='xy-step__count'>{`第 ${index} 步，共 ${total} 步`}</Text>
      <View className='xy-step__bar'>
        <View className='xy-step__fill' style={{ width: `${percent}%` }} />
      </View>
      <Text className='xy-step__title'>{title}</Text>
      {lead ? <Text className='xy-step__lead'>{lead}</Text> : null}
    </View>
  )
}
