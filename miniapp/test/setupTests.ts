import { configure } from '@testing-library/react'
import Taro from '@tarojs/taro'

// Real HTTP round trips on a shared 2-core machine: give findBy*/waitFor more than the default 1 s.
configure({ asyncUtilTimeout: 5000 })

afterEach(() => {
  localStorage.clear()
  Taro.eventCenter.off()
})
