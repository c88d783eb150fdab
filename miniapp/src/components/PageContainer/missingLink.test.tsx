import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ComponentType } from 'react'
import { startFakeXinyuanApi } from '../../../test/fakeXinyuanApi'
import { setRouterParams } from '../../../test/taroH5'
import { setApiBase } from '../../services/apiBase'
import ArticlePage from '../../packages/articles/index'
import CampaignPage from '../../packages/articles/campaign'
import GuardianConsentPage from '../../packages/guardian/index'

type FakeApi = Awaited<ReturnType<typeof startFakeXinyuanApi>>
let api: FakeApi

beforeEach(async () => {
  api = await startFakeXinyuanApi()
  setApiBase(`${api.origin}/api/v1`)
  setRouterParams({})
  jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' })
})

afterEach(async () => {
  await api.close()
  setApiBase(null)
  setRouterParams({})
  jest.restoreAllMocks()
})

const pagesNeedingAnId: [string, ComponentType][] = [
  ['an article', ArticlePage],
  ['a campaign', CampaignPage],
  ["a guardian's invitation", GuardianConsentPage],
]

describe('a page opened from a link without its id', () => {
  it.each(pagesNeedingAnId)('%s says the link is incomplete, asks nothing of the server and offers the way home', async (_name, Page) => {
    render(<Page />)
    await screen.findByText('没有找到这个页面')
    expect(document.body.textContent).toContain('链接好像不完整')
    // A wrong link is not a server failure: none of the failure wording, no retry.
    expect(document.body.textContent).not.toMatch(/服务暂时|没能打开|重新试试/)
    // Give a request a moment to leave, had one been sent.
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(api.requests).toEqual([])
    fireEvent.click(screen.getByText('回到首页'))
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' })
  })
})
