import { Button, type ButtonProps } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.css'

export type ActionButtonVariant = 'primary' | 'secondary' | 'quiet' | 'urgent'

interface ActionButtonProps {
  children: ReactNode
  variant?: ActionButtonVariant
  onClick?: () => void
  disabled?: boolean
  busy?: boolean
  /** WeChat open abilities, e.g. agreePrivacyAuthorization. Ignored in H5. */
  openType?: ButtonProps['openType']
  id?: string
  onAgreePrivacyAuthorization?: ButtonProps['onAgreePrivacyAuthorization']
  className?: string
}

/**
 * A full-width button at least 50px tall: big enough to hit when hands are shaking. A disabled or busy
 * button ignores taps itself (H5's custom element would still deliver the click).
 */
export function ActionButton({ children, variant = 'primary', onClick, disabled, busy, openType, id, onAgreePrivacyAuthorization, className }: ActionButtonProps) {
  return (
    <Button
      {...(id ? { id } : {})}
      className={`xy-button xy-button--${variant} ${disabled || busy ? 'xy-button--disabled' : ''} ${className ?? ''}`}
      hoverClass='xy-button--pressed'
      // Only set when true: H5's custom element treats disabled="false" as present and greys the text.
      disabled={disabled || busy || undefined}
      loading={busy || undefined}
      openType={openType}
      onAgreePrivacyAuthorization={onAgreePrivacyAuthorization}
      onClick={disabled || busy ? undefined : onClick}
    >
      {children}
    </Button>
  )
}
