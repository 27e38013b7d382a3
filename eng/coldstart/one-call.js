// The same call as OneCall/Program.cs, with wechatpay-axios-plugin, for eng/coldstart/run.sh.
const { Wechatpay } = require('wechatpay-axios-plugin');

const env = (name) => { const v = process.env[name]; if (!v) throw new Error(`${name} is not set`); return v; };

const wxpay = new Wechatpay({
  mchid: env('WECHATPAY_MCHID'),
  serial: env('WECHATPAY_SERIAL'),
  privateKey: env('WECHATPAY_PRIVATE_KEY'),
  certs: { [env('WECHATPAY_PUBLIC_KEY_ID')]: env('WECHATPAY_PUBLIC_KEY') },
  baseURL: env('WECHATPAY_BASE_URI'),
});

wxpay.v3.pay.transactions.outTradeNo._out_trade_no_
  .get({ out_trade_no: '1217752501201407033233368018', params: { mchid: env('WECHATPAY_MCHID') } })
  .then(({ status, data }) => console.log(`${status} ${data.out_trade_no}`))
  .catch((e) => { console.error(e.response ? `${e.response.status} ${JSON.stringify(e.response.data)}` : e.message); process.exit(1); });
