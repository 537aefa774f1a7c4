#![cfg(not(target_arch = "wasm32"))]
//! Table tests of reader::figures on real-world sentence shapes: money, counts, measures, percents, points, ranges, lists, qualifiers, Chinese numerals, and what is no figure.

use revitalization_infographic::reader::{self, figures, Kind, Notation, Qualifier};

use Kind::{Change, Count, Measure, Money, Points, Share};
use Notation::{Full, Hanzi, Wan, Yi};
use Qualifier::{About, AtLeast, AtMost, Exact};

/// (value, kind, unit, qualifier, notation) of each figure, in order.
type Want = (f64, Kind, &'static str, Qualifier, Notation);

#[rustfmt::skip]
const CASES: &[(&str, &[Want])] = &[
    // Money: 元, 万元, 亿元, 万亿元, other currencies, grouping, Chinese numerals.
    ("今年西安全市脱贫人口人均纯收入达到16317元", &[(16317.0, Money, "元", Exact, Full)]),
    ("人均纯收入达到16,317元", &[(16317.0, Money, "元", Exact, Full)]),
    ("共资助10.79万人2677.03万元", &[(107900.0, Count, "人", Exact, Wan), (26770300.0, Money, "元", Exact, Wan)]),
    ("累计补偿13511人次1.57亿元", &[(13511.0, Count, "人次", Exact, Full), (157000000.0, Money, "元", Exact, Yi)]),
    ("基本医疗保险统筹基金总收入2.7万亿元", &[(2.7e12, Money, "元", Exact, Yi)]),
    ("统筹基金当期结余五千亿元", &[(5e11, Money, "元", Exact, Hanzi)]),
    ("发放补贴1，234万元", &[(12340000.0, Money, "元", Exact, Wan)]),
    ("营业收入超过18万亿元", &[(1.8e13, Money, "元", AtLeast, Yi)]),
    ("其中为企业减征超1500亿元", &[(1.5e11, Money, "元", AtLeast, Yi)]),
    ("人均生产总值约合20533美元", &[(20533.0, Money, "美元", About, Full)]),
    ("实际利用外资12.5亿美元", &[(1.25e9, Money, "美元", Exact, Yi)]),
    ("次均门诊费用361.6元", &[(361.6, Money, "元", Exact, Full)]),
    ("完成投资5000余万元", &[(5e7, Money, "元", AtLeast, Wan)]),
    ("发放农村自主创业农民创业担保贷款1.21亿元", &[(121000000.0, Money, "元", Exact, Yi)]),
    ("发放残疾人两项补贴8419.39万元", &[(84193900.0, Money, "元", Exact, Wan)]),
    ("林业产值0.11亿元", &[(11000000.0, Money, "元", Exact, Yi)]),
    ("全县地区生产总值244394万元", &[(2443940000.0, Money, "元", Exact, Wan)]),
    ("城市低保平均标准为每人每月722元", &[(722.0, Money, "元", Exact, Full)]),
    // Counts with their measure word.
    ("西安市调整派出358支驻村工作队、1179名驻村干部", &[(358.0, Count, "支", Exact, Full), (1179.0, Count, "名", Exact, Full)]),
    ("建立乡镇医保服务站186个、村医保工作室3141个", &[(186.0, Count, "个", Exact, Full), (3141.0, Count, "个", Exact, Full)]),
    ("孵化企业10528家", &[(10528.0, Count, "家", Exact, Full)]),
    ("帮扶脱贫户3.2万户", &[(32000.0, Count, "户", Exact, Wan)]),
    ("项目覆盖17个县", &[(17.0, Count, "个", Exact, Full)]),
    ("覆盖全市12村", &[(12.0, Count, "村", Exact, Full)]),
    ("新建校舍8栋", &[(8.0, Count, "栋", Exact, Full)]),
    ("购置救护车辆26辆", &[(26.0, Count, "辆", Exact, Full)]),
    ("种植果树1.2万株", &[(12000.0, Count, "株", Exact, Wan)]),
    ("组建服务队30支", &[(30.0, Count, "支", Exact, Full)]),
    ("成立工作专班6组", &[(6.0, Count, "组", Exact, Full)]),
    ("累计收治病例125例", &[(125.0, Count, "例", Exact, Full)]),
    ("举办培训班15期", &[(15.0, Count, "期", Exact, Full)]),
    ("全国床位1017.4万张", &[(10174000.0, Count, "张", Exact, Wan)]),
    ("发放贷款2.3万笔", &[(23000.0, Count, "笔", Exact, Wan)]),
    ("查处案件56起", &[(56.0, Count, "起", Exact, Full)]),
    ("居民平均到医疗卫生机构就诊6.8次", &[(6.8, Count, "次", Exact, Full)]),
    ("2024年是2020年的1.6倍", &[(1.6, Count, "倍", Exact, Full)]),
    ("全国医疗卫生机构总诊疗人次95.5亿", &[(9.55e9, Count, "", Exact, Yi)]),
    ("入院人次30187.3万", &[(301873000.0, Count, "", Exact, Wan)]),
    ("全国基本医疗保险参保人数134592万人", &[(1345920000.0, Count, "人", Exact, Wan)]),
    ("全市122837名脱贫劳动力外出务工", &[(122837.0, Count, "名", Exact, Full)]),
    ("共有学校 93 所", &[(93.0, Count, "所", Exact, Full)]),
    ("共 93 所", &[(93.0, Count, "所", Exact, Full)]),
    ("培训3千人次", &[(3000.0, Count, "人次", Exact, Full)]),
    ("两千人参加活动", &[(2000.0, Count, "人", Exact, Hanzi)]),
    ("完成一百二十项改造", &[(120.0, Count, "项", Exact, Hanzi)]),
    ("医保部门去年对近八千万低收入人口参保进行了资助", &[(8e7, Count, "", About, Hanzi)]),
    ("吸纳就业1万余人", &[(10000.0, Count, "人", AtLeast, Wan)]),
    ("10个成员单位参加", &[(10.0, Count, "个", Exact, Full)]),
    ("享受待遇9614.32万人次", &[(96143200.0, Count, "人次", Exact, Wan)]),
    ("农民合作社超过220万家", &[(2200000.0, Count, "家", AtLeast, Wan)]),
    // Physical measures.
    ("全国粮食播种面积177498万亩", &[(1774980000.0, Measure, "亩", Exact, Wan)]),
    ("连续保持在1.3万亿斤以上", &[(1.3e12, Measure, "斤", AtLeast, Yi)]),
    ("粮食单位面积产量387公斤/亩", &[(387.0, Measure, "公斤/亩", Exact, Full)]),
    ("全国粮食播种面积112220千公顷", &[(112220.0, Measure, "千公顷", Exact, Full)]),
    ("全年造林面积19800亩", &[(19800.0, Measure, "亩", Exact, Full)]),
    ("全年木材产量1868立方米", &[(1868.0, Measure, "立方米", Exact, Full)]),
    ("新建农村公路1200公里", &[(1200.0, Measure, "公里", Exact, Full)]),
    ("产量106551吨", &[(106551.0, Measure, "吨", Exact, Full)]),
    ("新增装机容量120万千瓦", &[(1200000.0, Measure, "千瓦", Exact, Wan)]),
    ("人均预期寿命达到78.6岁", &[(78.6, Measure, "岁", Exact, Full)]),
    ("建成高标准农田超过10亿亩", &[(1e9, Measure, "亩", AtLeast, Yi)]),
    ("累计建成10亿多亩高标准农田", &[(1e9, Measure, "亩", AtLeast, Yi)]),
    ("冬油菜已播7400多万亩", &[(7.4e7, Measure, "亩", AtLeast, Wan)]),
    ("夏杂粮增产约115多万吨", &[(1150000.0, Measure, "吨", About, Wan)]),
    ("夏收春小麦产量减产约15万多吨", &[(150000.0, Measure, "吨", About, Wan)]),
    ("全国夏粮单产每公顷4582公斤", &[(4582.0, Measure, "公斤", Exact, Full)]),
    ("园区占地面积3.5平方公里", &[(3.5, Measure, "平方公里", Exact, Full)]),
    ("稻谷总产量突破2亿吨", &[(2e8, Measure, "吨", AtLeast, Yi)]),
    // Percents: shares and changes.
    ("脱贫人口基本医保参保率达100%", &[(100.0, Share, "", Exact, Full)]),
    ("“三重保障”报销比例达到80%以上", &[(80.0, Share, "", AtLeast, Full)]),
    ("增幅达11.42%", &[(11.42, Change, "", Exact, Full)]),
    ("比上年下降3.82%", &[(-3.82, Change, "", Exact, Full)]),
    ("比上年增长1.4 %", &[(1.4, Change, "", Exact, Full)]),
    ("占比78.08%", &[(78.08, Share, "", Exact, Full)]),
    ("一季度全国城镇调查失业率为5.5%", &[(5.5, Share, "", Exact, Full)]),
    ("近70%的村庄完成改造", &[(70.0, Share, "", About, Full)]),
    ("覆盖率不到50%", &[(50.0, Share, "", AtMost, Full)]),
    ("个人负担不超过50%", &[(50.0, Share, "", AtMost, Full)]),
    ("参保率稳定在95%左右", &[(95.0, Share, "", About, Full)]),
    ("主要农作物自主选育品种提高到95%以上", &[(95.0, Share, "", AtLeast, Full)]),
    ("占全国粮食总产量的比重升到76%", &[(76.0, Share, "", Exact, Full)]),
    ("占全国总增产量的90.5%", &[(90.5, Share, "", Exact, Full)]),
    ("约占全国夏粮增产总量的60%", &[(60.0, Share, "", About, Full)]),
    ("两项收入分别增长6.9%和16.3%", &[(6.9, Change, "", Exact, Full), (16.3, Change, "", Exact, Full)]),
    ("占比分别为37.0%、16.4%", &[(37.0, Share, "", Exact, Full), (16.4, Share, "", Exact, Full)]),
    ("分别下降2.1%、3.5%", &[(-2.1, Change, "", Exact, Full), (-3.5, Change, "", Exact, Full)]),
    ("比上年减少806万人,降幅0.8%", &[(8060000.0, Count, "人", Exact, Wan), (-0.8, Change, "", Exact, Full)]),
    ("西药品种增加了98%", &[(98.0, Change, "", Exact, Full)]),
    ("同比增长13.1%", &[(13.1, Change, "", Exact, Full)]),
    ("约三成的农户加入合作社", &[(30.0, Share, "", About, Hanzi)]),
    ("九成以上增产来自粮食主产区", &[(90.0, Share, "", AtLeast, Hanzi)]),
    ("单产对粮食增产的贡献超七成", &[(70.0, Share, "", AtLeast, Hanzi)]),
    ("全国有近6成统筹地区", &[(60.0, Share, "", About, Full)]),
    ("覆盖面达到百分之五十", &[(50.0, Share, "", Exact, Hanzi)]),
    ("覆盖面达到百分之12.5", &[(12.5, Share, "", Exact, Full)]),
    ("三分之一的农户", &[(100.0 / 3.0, Share, "", Exact, Hanzi)]),
    ("完成进度的四分之三", &[(75.0, Share, "", Exact, Hanzi)]),
    ("完成进度3/4", &[(75.0, Share, "", Exact, Full)]),
    ("全年人口出生率11.69‰", &[(1.169, Share, "", Exact, Full)]),
    ("完成全年目标任务的59%", &[(59.0, Share, "", Exact, Full)]),
    ("增长率为5%", &[(5.0, Change, "", Exact, Full)]),
    ("按当年价格比上年上涨5.5%", &[(5.5, Change, "", Exact, Full)]),
    ("5月份回落至5.9%", &[(5.9, Share, "", Exact, Full)]),
    ("低于3%", &[(3.0, Share, "", AtMost, Full)]),
    ("增长5%～8%", &[(5.0, Change, "", Exact, Full)]),
    // Percentage points.
    ("比上年提高2.1个百分点", &[(2.1, Points, "", Exact, Full)]),
    ("同比降低0.6个百分点", &[(-0.6, Points, "", Exact, Full)]),
    ("第二、第三产业的比重分别回落2.16和1.66个百分点", &[(-2.16, Points, "", Exact, Full), (-1.66, Points, "", Exact, Full)]),
    ("分别比2015年提高4个和3.2个百分点", &[(4.0, Points, "", Exact, Full), (3.2, Points, "", Exact, Full)]),
    ("大豆自给率两年提高了近4个百分点", &[(4.0, Points, "", About, Full)]),
    ("比上年下降0.75个千分点", &[(-0.075, Points, "", Exact, Full)]),
    // Ranges (value is the low end).
    ("补贴2~3万元", &[(20000.0, Money, "元", Exact, Wan)]),
    ("建设2至3个示范点", &[(2.0, Count, "个", Exact, Full)]),
    ("投资5—10万元", &[(50000.0, Money, "元", Exact, Wan)]),
    ("培训100-200人", &[(100.0, Count, "人", Exact, Full)]),
    // Qualifiers before and after.
    ("逾300人参加", &[(300.0, Count, "人", AtLeast, Full)]),
    ("不足100户", &[(100.0, Count, "户", AtMost, Full)]),
    ("大约2000人", &[(2000.0, Count, "人", About, Full)]),
    ("将近5万人", &[(50000.0, Count, "人", About, Wan)]),
    ("至少10家", &[(10.0, Count, "家", AtLeast, Full)]),
    ("不少于20个", &[(20.0, Count, "个", AtLeast, Full)]),
    ("规模500人以下", &[(500.0, Count, "人", AtMost, Full)]),
    ("控制在200人以内", &[(200.0, Count, "人", AtMost, Full)]),
    ("约有1000人左右", &[(1000.0, Count, "人", About, Full)]),
    ("10多个村", &[(10.0, Count, "个", AtLeast, Full)]),
    ("300余人", &[(300.0, Count, "人", AtLeast, Full)]),
    ("122837名以上", &[(122837.0, Count, "名", AtLeast, Full)]),
    ("比上年增产近212万吨", &[(2120000.0, Measure, "吨", About, Wan)]),
    ("生产夏粮950多万吨", &[(9500000.0, Measure, "吨", AtLeast, Wan)]),
    // Counts in Chinese numerals: only summing up a list, or in a quoted term.
    ("加强高血压、糖尿病、肺结核、严重精神障碍等四种慢性病规范管理", &[(4.0, Count, "种", Exact, Hanzi)]),
    ("将巩固衔接纳入全市“九项重点工作”", &[(9.0, Count, "项", Exact, Hanzi)]),
    ("下设“一办九组”", &[(9.0, Count, "组", Exact, Hanzi)]),
    ("开展“十项行动”", &[(10.0, Count, "项", Exact, Hanzi)]),
    ("每千人口执业(助理)医师3.40人", &[(3.4, Count, "人", Exact, Full)]),
    ("接受健康管理的65岁及以上老年人数13545.7万", &[(135457000.0, Count, "", Exact, Wan)]),
    ("2—7月份为975万家参保单位累计减征1649亿元", &[(9750000.0, Count, "家", Exact, Wan), (1.649e11, Money, "元", Exact, Yi)]),
    ("1. 学前教育,全国共有幼儿园27.44万所", &[(274400.0, Count, "所", Exact, Wan)]),
    ("全市“三类人员”纳入兜底保障范围2888人", &[(2888.0, Count, "人", Exact, Full)]),
    // No figures: years, dates, times, ordinals, ranks, codes, names, slogans, idioms.
    ("今年以来,西安市始终把巩固拓展脱贫攻坚成果作为“三农”工作的重中之重", &[]),
    ("在今年6月西安召开的第十四次党代会上", &[]),
    ("2022年10月底,骊山脚下", &[]),
    ("西西新闻  @2022-12-10", &[]),
    ("发布时间:2024-11-05 20:36:23", &[]),
    ("来源:人民日报 2021-03-10 09:10:54", &[]),
    ("获得第3名", &[]),
    ("位列前5位的河南、山东", &[]),
    ("严格落实“四个不摘”", &[]),
    ("“两不愁三保障”及饮水安全保障质量不断提升", &[]),
    ("高质量完成“十四五”规划", &[]),
    ("实现所有学段“三个全覆盖”", &[]),
    ("打造共享美好生活的宜居幸福西安等六个打造并提出了倾力创造更高品质生活,打造共同富裕的西安示范等九项重点任务", &[]),
    ("确保不让一个学生因家庭困难失学", &[]),
    ("补贴范围覆盖全部一级、二级残疾人", &[]),
    ("健全完善市县镇村四级医保经办服务体系", &[]),
    ("对镇村两级落实日常管理", &[]),
    ("取消“需六个月长期照护”条件", &[]),
    ("联系电话:025-84707368", &[]),
    ("国发〔2022〕3号", &[]),
    ("制定《2022年驻村帮扶市级示范培训方案》", &[]),
    ("建成5G基站", &[]),
    ("三次产业结构比例为6.01:55.04:38.95", &[]),
    ("按平均汇率6.8985折算", &[]),
    ("普通高中生师比12.66:1", &[]),
    ("我国夏粮已经实现了连续八年丰收", &[]),
    ("1至9月,全国生育保险基金运行平稳", &[]),
    ("二季度末,全国实有城镇登记失业人数", &[]),
    ("全面贯彻党的十九大、十九届二中、三中、四中全会精神", &[]),
    ("上午10时召开", &[]),
    ("牢牢守住发展和生态两条底线", &[]),
    ("COVID-19疫情", &[]),
    ("西南四省市共增产夏粮", &[]),
    ("谷物[1]播种面积", &[]),
    ("一、综合", &[]),
    ("新中国成立70周年", &[]),
    ("30余年来", &[]),
    ("近两个月就业形势逐漸好转", &[]),
    ("城乡居民收入之比为2.46", &[]),
    ("万人空巷", &[]),
    ("走进千家万户", &[]),
    ("一系列决策部署", &[]),
    ("统一部署", &[]),
    ("推进“一村一品”", &[]),
    ("拨打热线12345", &[]),
    ("图1:2011-2015年全县地区生产总值", &[]),
    ("图2:2011-2015三次产业增加值占地区生产总值比重(%)", &[]),
    ("《国家基本医疗保险和工伤保险药品目录(2004年版)》", &[]),
    ("中新网7月25日电", &[]),
    ("19:30开始", &[]),
    ("二〇二二年", &[]),
    ("云南、贵州两省严重干旱", &[]),
    ("更上一层楼", &[]),
    ("2.2.1 总体情况", &[]),
    ("截至2021年3月底", &[]),
    ("2011/07/25", &[]),
    ("第二季度新闻发布会", &[]),
    ("投入数十万元", &[]),
    ("全国中医类医疗卫生机构总数92531个", &[(92531.0, Count, "个", Exact, Full)]),
    ("比上年增长-2.9%", &[(-2.9, Change, "", Exact, Full)]),
];

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn every_case_reads_as_the_table_says() {
    assert!(CASES.len() >= 150, "only {} cases", CASES.len());
    let mut failures = Vec::new();
    for &(text, want) in CASES {
        let found = figures(text);
        let got: Vec<Want> = found
            .iter()
            .map(|f| (f.value, f.kind, f.unit, f.qualifier, f.notation))
            .collect();
        let same = got.len() == want.len()
            && got.iter().zip(want).all(|(g, w)| {
                close(g.0, w.0) && g.1 == w.1 && g.2 == w.2 && g.3 == w.3 && g.4 == w.4
            });
        if !same {
            failures.push(format!("{text}\n   got  {got:?}\n   want {want:?}"));
        }
        for f in &found {
            if text.get(f.span.clone()) != Some(f.written) || !f.sentence.contains(f.written) {
                failures.push(format!("{text}: span/sentence of {:?} wrong", f.written));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn ranges_keep_both_ends() {
    let cases: &[(&str, f64, f64)] = &[
        ("补贴2~3万元", 20000.0, 30000.0),
        ("建设2至3个示范点", 2.0, 3.0),
        ("投资5—10万元", 50000.0, 100000.0),
        ("培训100-200人", 100.0, 200.0),
        ("每村5到8人", 5.0, 8.0),
        ("增长5%～8%", 5.0, 8.0),
        ("每户2万至3万元", 20000.0, 30000.0),
    ];
    for &(text, low, high) in cases {
        let f = figures(text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        assert!(
            close(f[0].value, low) && f[0].high.is_some_and(|h| close(h, high)),
            "{text}: {f:?}"
        );
    }
}

#[test]
fn written_forms_and_sentences_are_verbatim() {
    let text = "据了解,今年人均纯收入达到16317元,增幅达11.42%。“2011年全国粮食总产量创造了新的历史纪录。”报告说,报销比例达到80%以上!\n约合20533美元;夏粮增产约115多万吨";
    let found = figures(text);
    let written: Vec<&str> = found.iter().map(|f| f.written).collect();
    assert_eq!(
        written,
        [
            "16317元",
            "11.42%",
            "80%以上",
            "约合20533美元",
            "约115多万吨"
        ]
    );
    assert_eq!(
        found[0].sentence,
        "据了解,今年人均纯收入达到16317元,增幅达11.42%。"
    );
    assert_eq!(found[2].sentence, "报告说,报销比例达到80%以上!");
    assert_eq!(found[3].sentence, "约合20533美元;夏粮增产约115多万吨");
    for f in &found {
        assert_eq!(text.get(f.span.clone()), Some(f.written));
    }
    // Closing quotes stay with their sentence.
    let q = figures("他说:“今年新增就业1.2万人。”随后离开。");
    assert_eq!(q[0].sentence, "他说:“今年新增就业1.2万人。”");
}

#[test]
fn labels_come_from_the_words_the_figure_counts() {
    let cases: &[(&str, &[&str])] = &[
        (
            "持续改善办学条件,投入使用新建、扩建中小学及幼儿园116所,新增学位10.5万个。",
            &["新建、扩建中小学及幼儿园", "新增学位"],
        ),
        (
            "西安市调整派出358支驻村工作队、1179名驻村干部,实现全覆盖。",
            &["驻村工作队", "驻村干部"],
        ),
        (
            "建立乡镇医保服务站186个、村医保工作室3141个。",
            &["乡镇医保服务站", "村医保工作室"],
        ),
        (
            "今年西安全市脱贫人口人均纯收入达到16317元,增幅达11.42%,较往年净增1672元。",
            &[
                "西安全市脱贫人口人均纯收入",
                "西安全市脱贫人口人均纯收入增幅",
                "西安全市脱贫人口人均纯收入净增",
            ],
        ),
        ("开发公益性岗位5812个,确保就业。", &["公益性岗位"]),
        ("下设“一办九组”。", &["一办九组"]),
    ];
    for &(text, want) in cases {
        let got: Vec<String> = figures(text).into_iter().map(|f| f.label).collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn unsure_figures_carry_review_notes() {
    let has =
        |text: &str, note: reader::Note| figures(text).iter().any(|f| f.notes.contains(&note));
    assert!(has("下设“一办九组”", reader::Note::QuotedCount));
    assert!(has(
        "高血压、糖尿病等四种慢性病",
        reader::Note::EnumerationCount
    ));
    assert!(has("总诊疗人次95.5亿", reader::Note::NoUnit));
    assert!(has(
        "约占全国夏粮增产总量的60%",
        reader::Note::QualifierFromContext
    ));
    assert!(has("出生率11.69‰", reader::Note::PerMille));
    assert!(has("占比120%", reader::Note::ShareOver100));
    assert!(figures("新增学位10.5万个")
        .iter()
        .all(|f| f.notes.is_empty()));
}

#[test]
fn names_parse_back() {
    for k in Kind::ALL {
        assert_eq!(Kind::parse(k.as_str()), Some(k));
    }
    for q in Qualifier::ALL {
        assert_eq!(Qualifier::parse(q.as_str()), Some(q));
    }
    for n in Notation::ALL {
        assert_eq!(Notation::parse(n.as_str()), Some(n));
    }
    assert_eq!(Kind::Points.as_str(), "points");
}

/// Any text at all: no panic, and every span is a char-boundary slice holding the written form.
#[test]
fn never_panics_and_spans_stay_on_char_boundaries() {
    let alphabet: Vec<char> = "0123456789０９.,，．%％‰-—~～/:：至到和、多余万亿千百十一二两三九零〇成分之个人元亩岁年月日第每约近超以上下左右“”《》\"(（)）;；。！？\n 　aZ等打造不全项种组"
        .chars()
        .collect();
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..20_000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let len = (x % 24) as usize;
        let mut s = String::new();
        let mut y = x;
        for _ in 0..len {
            y = y
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            s.push(alphabet[(y >> 33) as usize % alphabet.len()]);
        }
        for f in figures(&s) {
            assert_eq!(s.get(f.span.clone()), Some(f.written), "{s:?}");
            assert!(f.value.is_finite(), "{s:?}");
        }
        let _ = reader::parse_written(&s);
    }
    for s in [
        "",
        "%",
        "万",
        "１",
        "9".repeat(60).as_str(),
        "1.",
        ".5",
        "十",
        "百分之",
        "三分之",
        "0/0",
        "1/0",
    ] {
        let _ = figures(s);
        let _ = reader::parse_written(s);
    }
}
