// babel-preset-taro: https://docs.taro.zone/docs/next/babel-config
// No dev server here (builds only, no watch mode), so React Refresh stays off everywhere.
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        hot: false,
      },
    ],
  ],
}
