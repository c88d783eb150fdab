import { Text, View } from '@tarojs/components'
import './index.css'

export interface Choice<T extends string> {
  value: T
  label: string
  hint?: string
}

interface ChoiceListProps<T extends string> {
  choices: ReadonlyArray<Choice<T>>
  value: T | null
  onChange: (value: T) => void
  disabled?: boolean
}

/** One-of-many as big tappable rows (radio style), easier to hit than a native picker wheel. */
export function ChoiceList<T extends string>({ choices, value, onChange, disabled }: ChoiceListProps<T>) {
  return (
    <View className='xy-choices'>
      {choices.map((choice) => {
        const selected = choice.value === value
        return (
          <View
            key={choice.value}
            className={`xy-choice ${selected ? 'xy-choice--selected' : ''}`}
            hoverClass='xy-choice--pressed'
            onClick={() => {
              if (!disabled) onChange(choice.value)
            }}
          >
            <View className='xy-choice__radio'>{selected ? <View className='xy-choice__dot' /> : null}</View>
            <View className='xy-choice__text'>
              <Text className='xy-choice__label'>{choice.label}</Text>
              {choice.hint ? <Text className='xy-choice__hint'>{choice.hint}</Text> : null}
            </View>
          </View>
        )
      })}
    </View>
  )
}
