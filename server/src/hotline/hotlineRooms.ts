/** Room of hotline staff watching the queue (joined with the "hotline:watch" socket event). */
export const hotlineStaffRoom = "hotline-staff";
export const userRoom = (userId: string) => `user-${userId}`;
export const staffRoom = (staffId: string) => `staff-${staffId}`;
