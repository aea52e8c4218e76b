/**
 * Strings of China's working calendar (法定节假日与调休): the preset setting, the read-only list of
 * the preset's days in the Settings sidebar, and the data issue of a year without a preset.
 */
import { defineMessages } from "./define";

export const holidays = defineMessages(
  {
    "issue.expectedHolidayPreset": "应为 CN（中国法定节假日与调休）或 none（不使用）",
    "issue.holidayPresetYear":
      "{year} 年没有法定节假日预设（{setting} = CN 目前只含 {years} 年）：该年按「工作日」和「节假日」安排沟通，法定节假日不会自动跳过，调休上班的周末也不会安排。请在「节假日」中填写 {year} 年的放假日期，或更新到含 {year} 年的版本",
    "settingLabel.contact.holidayPreset": "法定节假日与调休",
    "settingHelp.contact.holidayPreset":
      "按国务院办公厅每年的放假安排：放假的日子不安排沟通，调休上班的周末照常安排。下面的「节假日」另外再加。",
    "settingOption.holidayPreset.none": "不使用",
    "settingOption.holidayPreset.CN": "中国（国务院放假安排）",
    "holiday.newYear": "元旦",
    "holiday.springFestival": "春节",
    "holiday.qingming": "清明节",
    "holiday.labourDay": "劳动节",
    "holiday.dragonBoat": "端午节",
    "holiday.midAutumn": "中秋节",
    "holiday.nationalDay": "国庆节",
    "preset.title": "预设的放假日（只读）",
    "preset.notice": "{title}（{number}，{issued} 发布）",
    "preset.makeUp": "调休上班：",
    "preset.covers": "预设含 {years} 年；其他年份请在「节假日」中自行填写。",
  },
  {
    "issue.expectedHolidayPreset": "expected CN (China's public holidays and make-up days) or none",
    "issue.holidayPresetYear":
      "no public-holiday preset for {year} ({setting} = CN covers {years} only): contacts in {year} follow Working days and Holidays alone, so public holidays are not skipped and make-up working weekends are not planned. List the {year} holidays under Holidays, or update to a version that covers {year}",
    "settingLabel.contact.holidayPreset": "Public holidays and make-up days",
    "settingHelp.contact.holidayPreset":
      "Follows the State Council's yearly notice: no contact is due on its days off, and its make-up working weekends are working days. Holidays below are added to it.",
    "settingOption.holidayPreset.none": "None",
    "settingOption.holidayPreset.CN": "China (State Council notices)",
    "holiday.newYear": "New Year's Day",
    "holiday.springFestival": "Spring Festival",
    "holiday.qingming": "Qingming Festival",
    "holiday.labourDay": "Labour Day",
    "holiday.dragonBoat": "Dragon Boat Festival",
    "holiday.midAutumn": "Mid-Autumn Festival",
    "holiday.nationalDay": "National Day",
    "preset.title": "Days off of the preset (read-only)",
    "preset.notice": "{title} ({number}, issued {issued})",
    "preset.makeUp": "Make-up days: ",
    "preset.covers": "The preset covers {years}; list other years' holidays under Holidays.",
  },
);
