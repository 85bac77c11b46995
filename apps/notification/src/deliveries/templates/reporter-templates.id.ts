import type { NoticeTemplates } from './notice-templates';

/** Indonesian (the default language). */
export const ID_TEMPLATES: NoticeTemplates = {
  receipt: {
    subject: 'Laporan {{trackingId}} telah kami terima',
    text:
      'Terima kasih, laporan Anda "{{title}}" telah kami terima dengan nomor pelacakan {{trackingId}}. ' +
      'Laporan akan diverifikasi dan diteruskan ke instansi yang berwenang.',
    sms: 'SALUR: Laporan Anda diterima. No. pelacakan {{trackingId}}.',
  },
  routed: {
    subject: 'Laporan {{trackingId}} diteruskan ke {{agencyName}}',
    text:
      'Laporan Anda "{{title}}" ({{trackingId}}) telah diteruskan ke {{agencyName}}, ' +
      'yang akan menindaklanjutinya sesuai batas waktu yang berlaku.',
    sms: 'SALUR: Laporan {{trackingId}} diteruskan ke {{agencyName}}.',
  },
  info_requested: {
    subject: 'Laporan {{trackingId}}: {{agencyName}} meminta informasi tambahan',
    text:
      '{{agencyName}} meminta informasi tambahan tentang laporan Anda ({{trackingId}}):\n\n' +
      '{{question}}\n\nSilakan balas melalui halaman laporan Anda.',
    sms: 'SALUR: {{agencyName}} meminta info tambahan utk laporan {{trackingId}}. Cek halaman laporan Anda.',
  },
  responded: {
    subject: 'Laporan {{trackingId}} telah ditanggapi',
    text:
      '{{agencyName}} telah menanggapi laporan Anda ({{trackingId}}):\n\n{{response}}\n\n' +
      'Jika Anda puas, konfirmasikan dan beri penilaian; jika tidak, Anda dapat membukanya kembali.',
    sms: 'SALUR: Laporan {{trackingId}} telah ditanggapi {{agencyName}}. Cek halaman laporan Anda.',
  },
  closed: {
    subject: 'Laporan {{trackingId}} selesai',
    text: 'Laporan Anda "{{title}}" ({{trackingId}}) telah selesai. Terima kasih atas partisipasi Anda.',
    sms: 'SALUR: Laporan {{trackingId}} selesai. Terima kasih.',
  },
  reopened: {
    subject: 'Laporan {{trackingId}} dibuka kembali',
    text:
      'Laporan Anda ({{trackingId}}) dibuka kembali dan kembali diproses oleh {{agencyName}}.' +
      '{{#if reason}}\n\nAlasan: {{reason}}{{/if}}',
    sms: 'SALUR: Laporan {{trackingId}} dibuka kembali dan diproses {{agencyName}}.',
  },
};
