/**
 * Toneless pinyin of risky phrases, spelled out ("wo zhen de bu xiang huo le", "woxiangsi", "ge wan"), turned
 * into the characters so the lexicon and the model read them. The lexicon's rewrites know abbreviations
 * (zs, zc, 想s); whole pinyin words need care a regular expression cannot give: normalisation has removed
 * the spaces, and "yi ge wan" (一个碗), "xi ge wan" (洗个碗), "huge wand" or a name (Zhang Xiangsi) hold the
 * same letters as "ge wan" (割腕) or "xiang si" (想死).
 *
 * So a run of Latin letters is rewritten only when all of it splits into pinyin syllables (English and
 * most names do not), and only where a phrase below matches whole syllables, with the context it needs
 * (a person or an intensifier before 想死, not 一/洗 before 割腕, 了 or the end after 不想活). The syllables
 * the phrase covers become its characters; the rest of the run stays as written.
 */

const syllableList =
  "a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu long lou lu lv luan lve lun luo ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nv nuan nve nuo o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo";
const syllables = new Set(syllableList.split(" "));
const longestSyllable = 6;

/**
 * The run split into pinyin syllables, fewest syllables first (xian, not xi an; at a tie the longer first
 * syllable), or null when some part of it is not pinyin.
 */
export function splitPinyin(run: string): string[] | null {
  const length = run.length;
  // fewest[i]: fewest syllables that spell run.slice(i) (Infinity when none do)
  const fewest = new Array<number>(length + 1).fill(Infinity);
  fewest[length] = 0;
  for (let start = length - 1; start >= 0; start -= 1) {
    for (let size = 1; size <= longestSyllable && start + size <= length; size += 1) {
      if (syllables.has(run.slice(start, start + size))) fewest[start] = Math.min(fewest[start]!, fewest[start + size]! + 1);
    }
  }
  if (fewest[0] === Infinity) return null;
  const parts: string[] = [];
  for (let start = 0; start < length; ) {
    for (let size = Math.min(longestSyllable, length - start); size >= 1; size -= 1) {
      if (syllables.has(run.slice(start, start + size)) && fewest[start + size] === fewest[start]! - 1) {
        parts.push(run.slice(start, start + size));
        start += size;
        break;
      }
    }
  }
  return parts;
}

/**
 * Phrases on the syllables joined by single spaces (a run is matched as "wo xiang si"): a match becomes the
 * characters of its words (characterOf, longest words first); lookarounds hold the context a phrase needs.
 */
// an act ends the run or is followed by 了/啊/下去 (不想活动, 不想活泼, 想死你了 are not acts)
const endOfAct = `(?: (?:le|la|a|ya|liao|xia qu|suan le|le suan le)(?= |$)|$)`;
// before 割腕/跳楼 without 想: the start of the run, a person or a will (一个碗, 洗个碗, 跳楼价 are not acts)
const actor = "(?:wo|xiang|yao|qu|hui|jiu|zai|zhun bei|da suan|ta|you|wo you|wo yi jing|yi jing)";
const actorBefore = `(?:^(?:${actor} )?|(?<= )${actor} )`;
const phrase = (pattern: string): RegExp => new RegExp(pattern, "g");

const phrases: RegExp[] = [
  phrase(`(?<=^| )(?:wo )?(?:zhen de |zhen |shi zai |hai shi )?(?:bu xiang|bu yao|bu xiang zai|bu yao zai|bu gan|bu neng) huo${endOfAct}`),
  phrase(`(?<=^| )huo bu xia qu(?= |$)`),
  // 想死 needs a person or an intensifier before it (相思, a name, 好像四 are not)
  phrase(`(?<=^| )(?:wo|hao|zhen|zhen de|ting|hen|zhen de hao|shi zai|ye|jiu|hai shi|wo zhen de|wo hao|wo zhen|wo zhen de hao|wo shi zai) (?:xiang|xiang qu|yao qu) si${endOfAct}`),
  phrase(`(?<=^| )(?:wo )?(?:xiang|yao|zhun bei|da suan|jue ding|xiang qu|yao qu) (?:zi sha|zi can|tiao lou|tiao he|shang diao|ge wan)(?! jia)(?= |$)`),
  phrase(`(?<=^| )zi (?:sha|can)(?= |$)`),
  phrase(`${actorBefore}(?:tiao lou|shang diao|ge wan|tiao he)(?: (?:le|la|liao)(?= |$)|$)`),
  phrase(`(?<=^| )(?:ge|hua) shou (?:wan|bi)(?= |$)`),
  phrase(`(?<=^| )(?:xie hao le|xie hao|xie le|zan le|zan|chi le|mai le|mai hao le|mai hao) (?:an mian yao|yi shu)(?= |$)`),
  phrase(`(?<=^| )shang hai zi ji(?= |$)`),
  phrase(`(?<=^| )(?:bei (?:ba ling|xing qin|xing sao rao)|xing qin|xing sao rao)(?= |$)`),
  phrase(`(?<=^| )(?:wo (?:ba|ma|lao ba)|ba ba|ma ma|hou ma|hou ba|ji fu|ji mu) (?:you )?(?:da|zou|chou) wo(?= |$)`),
  phrase(`(?<=^| )(?:shu shu|ji fu|hou ba|lao shi|jiao lian) (?:mo|qin) wo(?= |$)`),
  phrase(`(?<=^| )(?:wo )?(?:xiang|yao) (?:sha le|nong si|sha si|sha|tong si) (?:ta men|ta)(?= |$)`),
  phrase(`(?<=^| )(?:li jia chu zou|bu xiang hui jia|bu gan hui jia|bu yao hui jia)(?= |$)`),
  phrase(`(?<=^| )cui tu(?= |$)`),
  phrase(`(?<=^| )(?:bei (?:ren |ta men |tong xue )?qi fu|qi fu wo)(?= |$)`),
  phrase(`(?<=^| )(?:ru guo |yao shi )?wo bu zai le(?= |$)`),
  phrase(`(?<=^| )(?:wo (?:ba|ma) )?(?:yong|na) (?:gun zi|pi dai|yi jia|zhu tiao|tuo xie) (?:da|chou) wo(?= |$)`),
  phrase(`(?<=^| )zuan (?:jin )?wo (?:de )?bei wo(?= |$)`),
  phrase(`(?<=^| )mei (?:you )?fan chi(?= |$)`),
];

/** The characters of every word the phrases above may spell. */
const characterOf: Record<string, string> = {
  "huo bu xia qu": "活不下去", "zi sha": "自杀", "zi can": "自残", "tiao lou": "跳楼", "tiao he": "跳河", "shang diao": "上吊", "ge wan": "割腕",
  "ge shou wan": "割手腕", "ge shou bi": "割手臂", "hua shou wan": "划手腕", "hua shou bi": "划手臂", "an mian yao": "安眠药", "yi shu": "遗书",
  "shang hai zi ji": "伤害自己", "xing qin": "性侵", "ba ling": "霸凌", "xing sao rao": "性骚扰", "li jia chu zou": "离家出走",
  "bu xiang hui jia": "不想回家", "bu gan hui jia": "不敢回家", "bu yao hui jia": "不要回家", "cui tu": "催吐", huo: "活", si: "死",
  wo: "我", bei: "被", ba: "爸", ma: "妈", "ba ba": "爸爸", "ma ma": "妈妈", "hou ma": "后妈", "hou ba": "后爸", "ji fu": "继父", "ji mu": "继母",
  "lao ba": "老爸", you: "又", da: "打", zou: "揍", chou: "抽", "shu shu": "叔叔", "lao shi": "老师", "jiao lian": "教练", mo: "摸", qin: "亲",
  xiang: "想", yao: "要", qu: "去", hui: "会", jiu: "就", zai: "在", ta: "他", "ta men": "他们", "zhun bei": "准备", "da suan": "打算", "jue ding": "决定",
  le: "了", la: "啦", a: "啊", liao: "了", "xia qu": "下去", "suan le": "算了", "le suan le": "了算了", "yi jing": "已经",
  "qi fu": "欺负", ren: "人", "tong xue": "同学", "qi fu wo": "欺负我", "gun zi": "棍子", "pi dai": "皮带", "yi jia": "衣架", "zhu tiao": "竹条", "tuo xie": "拖鞋",
  "ru guo": "如果", "yao shi": "要是", bu: "不", yong: "用", na: "拿", zuan: "钻", jin: "进", "bei wo": "被窝", mei: "没", "mei you": "没有", "fan chi": "饭吃",
  "sha le": "杀了", "nong si": "弄死", "sha si": "杀死", sha: "杀", "tong si": "捅死",
  "bu xiang": "不想", "bu yao": "不要", "bu xiang zai": "不想再", "bu yao zai": "不要再", "bu gan": "不敢", "bu neng": "不能",
  zhen: "真", de: "的", "zhen de": "真的", "shi zai": "实在", "hai shi": "还是", hao: "好", ting: "挺", hen: "很", ye: "也",
  "xie hao le": "写好了", "xie hao": "写好", "xie le": "写了", "zan le": "攒了", zan: "攒", "chi le": "吃了", "mai le": "买了", "mai hao le": "买好了", "mai hao": "买好", mai: "买",
};

/** The characters of a matched phrase, its words longest first; null when a word is not in characterOf. */
function charactersOfPhrase(spelled: string): string | null {
  const words = spelled.split(" ");
  let out = "";
  for (let start = 0; start < words.length; ) {
    let taken = 0;
    for (let size = Math.min(4, words.length - start); size >= 1 && !taken; size -= 1) {
      const characters = characterOf[words.slice(start, start + size).join(" ")];
      if (characters !== undefined) {
        out += characters;
        taken = size;
      }
    }
    if (!taken) return null;
    start += taken;
  }
  return out;
}

const letterRun = /[a-z]{4,}/g;

/** Rewrites the risky pinyin phrases of a normalised (lower-case, spaces removed) text; anything else unchanged. */
export function rewriteRiskyPinyin(text: string): string {
  letterRun.lastIndex = 0;
  if (!letterRun.test(text)) return text;
  return text.replace(letterRun, (run) => {
    const parts = splitPinyin(run);
    if (!parts) return run;
    const spaced = parts.join(" ");
    let changed = false;
    let rewritten = spaced;
    for (const pattern of phrases) {
      rewritten = rewritten.replace(pattern, (found) => {
        const characters = charactersOfPhrase(found);
        if (characters === null) return found;
        changed = true;
        // marks keep a rewritten phrase whole while later phrases run: \u0001 never occurs in normalised text
        return `\u0001${characters}\u0001`;
      });
    }
    if (!changed) return run;
    return rewritten.replace(/\u0001/g, "").replace(/ /g, "");
  });
}
