import Taro from '@tarojs/taro'

/**
 * Opens the phone's dialer with the number filled in. The user still confirms the call; cancelling is
 * not an error worth showing. In H5 Taro opens a tel: link.
 */
export async function callNumber(phoneNumber: string): Promise<void> {
  try {
    await Taro.makePhoneCall({ phoneNumber })
  } catch {
    // Cancelled, or a desktop browser with nothing to dial: the number stays visible on screen.
  }
}
